// Test fixture for the board flows: a stand-in for the generated hwgen_core with the ports of
// docs/hardware.md (microGPT's shape: 27 tokens, block 16) and a hand-checkable behaviour.
// Sample with seed s emits the tokens of name (s mod 4) from fixture_names.mem (8 words per name,
// BOS-terminated): "emma", "olivia", "ava", "isabella". Each step streams 27 zero debug logits
// (one a cycle), takes one cycle to choose, and emits the token: 29 cycles per token when the
// token is taken at once. The ROM sits under an instance named u_weights, as the generator's
// weight ROM does.
module hwgen_core (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_valid_i,
  output logic        start_ready_o,
  /* verilator lint_off UNUSEDSIGNAL */
  input  logic [31:0] seed_i,
  input  logic [15:0] temperature_i,
  input  logic        greedy_i,
  input  logic [4:0]  prompt_len_i,
  input  logic [4:0]  max_len_i,
  input  logic        prompt_valid_i,
  input  logic [4:0]  prompt_token_i,
  /* verilator lint_on UNUSEDSIGNAL */
  output logic        prompt_ready_o,
  output logic        token_valid_o,
  input  logic        token_ready_i,
  output logic [4:0]  token_o,
  output logic        done_o,
  output logic [31:0] cycle_o,
  output logic        dbg_logit_valid_o,
  output logic [4:0]  dbg_logit_index_o,
  output logic [15:0] dbg_logit_o,
  output logic [7:0]  dbg_stage_o
);
  localparam logic [4:0] Bos = 5'd26;

  typedef enum logic [2:0] {Idle, Logits, Choose, Emit, Finish} state_e;

  state_e      state_q, state_d;
  logic [31:0] cycle_q;
  logic [4:0]  addr_q, addr_d;
  logic [4:0]  tok_q;
  logic [4:0]  idx_q, idx_d;

  fixture_rom u_weights (
    .clk_i,
    .addr_i (addr_q),
    .rdata_o(tok_q)
  );

  always_comb begin
    state_d = state_q;
    addr_d  = addr_q;
    idx_d   = 5'd0;
    unique case (state_q)
      Idle:   if (start_valid_i) begin
                addr_d  = {seed_i[1:0], 3'd0};
                state_d = Logits;
              end
      Logits: begin
                idx_d = idx_q + 5'd1;
                if (idx_q == 5'd26) state_d = Choose;
              end
      Choose: state_d = (tok_q == Bos) ? Finish : Emit;
      Emit:   if (token_ready_i) begin
                addr_d  = addr_q + 5'd1;
                state_d = (addr_q[2:0] == 3'd7) ? Finish : Logits;
              end
      Finish: state_d = Idle;
      default: state_d = Idle;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= Idle;
      addr_q  <= 5'd0;
      idx_q   <= 5'd0;
      cycle_q <= 32'd0;
    end else begin
      state_q <= state_d;
      addr_q  <= addr_d;
      idx_q   <= idx_d;
      cycle_q <= cycle_q + 32'd1;
    end
  end

  assign start_ready_o     = state_q == Idle;
  assign prompt_ready_o    = 1'b0;
  assign token_valid_o     = state_q == Emit;
  assign token_o           = tok_q;
  assign done_o            = state_q == Finish;
  assign cycle_o           = cycle_q;
  assign dbg_logit_valid_o = state_q == Logits;
  assign dbg_logit_index_o = idx_q;
  assign dbg_logit_o       = 16'd0;
  assign dbg_stage_o       = (state_q == Logits) ? 8'd0 : 8'd255;
endmodule
