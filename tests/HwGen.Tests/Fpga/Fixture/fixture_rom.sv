// The fixture's name ROM: registered read, loaded from fixture_names.mem.
module fixture_rom (
  input  logic       clk_i,
  input  logic [4:0] addr_i,
  output logic [4:0] rdata_o
);
  logic [4:0] mem [32];
  initial begin
    $readmemh("fixture_names.mem", mem);
  end
  always_ff @(posedge clk_i) begin
    rdata_o <= mem[addr_i];
  end
endmodule
