// Test fixture: a stand-in for the generated hwgen_core with the ports of docs/hardware.md and a
// trivial, hand-checkable behaviour, used to test the simulation harness and its C# side.
//
// At position p with fed token t it streams the logits code(i) = p*1000 + t*30 + i, i = 0..26.
// The next token is the next prompt token if one remains, else (t + 1) mod 27 when greedy, else
// (seed + temperature + p) mod 27 (26 = BOS ends the sample). The stopping rules follow
// docs/hardware.md. BadLogitPos >= 0 adds 1 to logit BadLogitIndex at that position (a fault to
// detect). SkipLogitIndex >= 0 skips that index on the debug port (a contract violation).
// Seed 32'hDEADBEEF makes the core hang (to test the watchdog). dbg_stage_o: 0 while the logits
// stream (the one "instruction" of a step), then the core phase codes of docs/hardware.md
// (choose: sampling 248, prompt 250, emit 251, finish: done 252, idle 255).
module hwgen_core #(
  parameter int BadLogitPos = -1,
  parameter int BadLogitIndex = 0,
  parameter int SkipLogitIndex = -1
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_valid_i,
  output logic        start_ready_o,
  input  logic [31:0] seed_i,
  input  logic [15:0] temperature_i,
  input  logic        greedy_i,
  input  logic [4:0]  prompt_len_i,
  input  logic [4:0]  max_len_i,
  input  logic        prompt_valid_i,
  output logic        prompt_ready_o,
  input  logic [4:0]  prompt_token_i,
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
  localparam int Vocab = 27;
  localparam int Block = 16;
  localparam logic [4:0] Bos = 5'd26;

  typedef enum logic [2:0] {Idle, Logits, Choose, Prompt, Emit, Finish, Hang} state_e;

  state_e      state_q, state_d;
  logic [31:0] cycle_q;
  logic [31:0] seed_q, seed_d;
  logic [15:0] temp_q, temp_d;
  logic        greedy_q, greedy_d;
  logic [4:0]  plen_q, plen_d;
  logic [4:0]  maxlen_q, maxlen_d;
  logic [4:0]  pos_q, pos_d;
  logic [4:0]  tok_q, tok_d;
  logic [4:0]  idx_q, idx_d;
  logic [4:0]  emitted_q, emitted_d;
  logic [4:0]  next_tok;
  logic [15:0] logit;

  always_comb begin
    logit = 16'(32'(pos_q) * 32'd1000 + 32'(tok_q) * 32'd30 + 32'(idx_q));
    if (BadLogitPos >= 0 && 32'(pos_q) == BadLogitPos && 32'(idx_q) == BadLogitIndex) begin
      logit = logit + 16'd1;
    end
    if (greedy_q) begin
      next_tok = (tok_q == 5'd26) ? 5'd0 : tok_q + 5'd1;
    end else begin
      next_tok = 5'((seed_q + 32'(temp_q) + 32'(pos_q)) % 32'd27);
    end
  end

  always_comb begin
    state_d = state_q;
    seed_d = seed_q;
    temp_d = temp_q;
    greedy_d = greedy_q;
    plen_d = plen_q;
    maxlen_d = maxlen_q;
    pos_d = pos_q;
    tok_d = tok_q;
    idx_d = idx_q;
    emitted_d = emitted_q;
    start_ready_o = 1'b0;
    prompt_ready_o = 1'b0;
    token_valid_o = 1'b0;
    token_o = tok_q;
    done_o = 1'b0;
    dbg_logit_valid_o = 1'b0;
    dbg_logit_index_o = idx_q;
    dbg_logit_o = logit;
    unique case (state_q)
      Idle: begin
        start_ready_o = 1'b1;
        if (start_valid_i) begin
          seed_d = seed_i;
          temp_d = temperature_i;
          greedy_d = greedy_i;
          plen_d = prompt_len_i;
          maxlen_d = max_len_i;
          pos_d = 5'd0;
          tok_d = Bos;
          idx_d = 5'd0;
          emitted_d = 5'd0;
          state_d = (seed_i == 32'hDEADBEEF) ? Hang : Logits;
        end
      end
      Logits: begin
        dbg_logit_valid_o = 1'b1;
        idx_d = idx_q + 5'd1;
        if (SkipLogitIndex >= 0 && 32'(idx_q) + 1 == SkipLogitIndex) begin
          idx_d = idx_q + 5'd2;
        end
        if (32'(idx_q) == Vocab - 1) begin
          idx_d = 5'd0;
          state_d = Choose;
        end
      end
      Choose: begin
        if (pos_q < plen_q) begin
          state_d = Prompt;
        end else if (next_tok == Bos) begin
          state_d = Finish;
        end else begin
          tok_d = next_tok;
          state_d = Emit;
        end
      end
      Prompt: begin
        prompt_ready_o = 1'b1;
        if (prompt_valid_i) begin
          tok_d = prompt_token_i;
          pos_d = pos_q + 5'd1;
          state_d = Logits;
        end
      end
      Emit: begin
        token_valid_o = 1'b1;
        if (token_ready_i) begin
          emitted_d = emitted_q + 5'd1;
          pos_d = pos_q + 5'd1;
          if ((maxlen_q != 5'd0 && emitted_q + 5'd1 == maxlen_q) || 32'(pos_q) == Block - 1) begin
            state_d = Finish;
          end else begin
            state_d = Logits;
          end
        end
      end
      Finish: begin
        done_o = 1'b1;
        state_d = Idle;
      end
      Hang: begin
        state_d = Hang;
      end
      default: begin
        state_d = Idle;
      end
    endcase
  end

  assign cycle_o = cycle_q;

  always_comb begin
    unique case (state_q)
      Logits:  dbg_stage_o = 8'd0;
      Choose:  dbg_stage_o = 8'd248;
      Prompt:  dbg_stage_o = 8'd250;
      Emit:    dbg_stage_o = 8'd251;
      Finish:  dbg_stage_o = 8'd252;
      default: dbg_stage_o = 8'd255;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= Idle;
      cycle_q <= 32'd0;
    end else begin
      state_q <= state_d;
      cycle_q <= cycle_q + 32'd1;
    end
  end

  // No reset on the data registers (as in the generated cores).
  always_ff @(posedge clk_i) begin
    seed_q <= seed_d;
    temp_q <= temp_d;
    greedy_q <= greedy_d;
    plen_q <= plen_d;
    maxlen_q <= maxlen_d;
    pos_q <= pos_d;
    tok_q <= tok_d;
    idx_q <= idx_d;
    emitted_q <= emitted_d;
  end
endmodule
