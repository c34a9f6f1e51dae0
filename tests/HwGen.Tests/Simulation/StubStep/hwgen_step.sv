// Test stub: a hwgen_step for microGPT's shape (vocab 27, block 16) whose step is as short as a
// program of one two-cycle instruction: start_i in cycle 0, stage 0 in cycles 1 and 2, done_o in
// cycle 2 (no shorter: the sampler's LAMBDA is ready two cycles after the start transfer).
// Its logits are a fixed function of the token and position fed: logit i = 97 * ((t * 7 + p * 5 +
// i * 11) mod 23) - 1000. Steps this short make the core wait for its debug logit stream.
module hwgen_step (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic [4:0]  token_i,
  input  logic [4:0]  pos_i,
  output logic        done_o,
  output logic [431:0] logits_o,
  output logic [7:0]  stage_o
);
  logic [1:0] phase_q;
  logic [4:0] token_q;
  logic [4:0] pos_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      phase_q <= 2'd0;
    end else if (phase_q == 2'd0) begin
      phase_q <= start_i ? 2'd1 : 2'd0;
    end else begin
      phase_q <= (phase_q == 2'd2) ? 2'd0 : phase_q + 2'd1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (phase_q == 2'd0 && start_i) begin
      token_q <= token_i;
      pos_q   <= pos_i;
    end
  end

  always_comb begin
    for (int i = 0; i < 27; i++) begin
      logits_o[16*i +: 16] = 16'(97 * ((32'(token_q) * 7 + 32'(pos_q) * 5 + i * 11) % 23) - 1000);
    end
  end

  assign done_o  = phase_q == 2'd2;
  assign stage_o = 8'd0;
endmodule
