// A Verilator testbench for hwgen_attention alone (AttentionModuleTests).
// Usage: attention_tb STIMULUS_FILE
// The stimulus file: "n_embd steps", then per step one line
// "pos layer rq_score rq_exp rq_weight rq_out q[0..n_embd-1] k[...] v[...]" (signed decimal codes).
// Prints per step "out <step> <cycles> <code> ..." where cycles counts from start_i (cycle 0) to
// done_o, and "held <step> 0|1" (whether out_o kept its value for 3 cycles after done_o).
#include "Vhwgen_attention.h"
#include "verilated.h"
#include "bench.h"
#include <cstdint>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: attention_tb STIMULUS_FILE\n");
        return 2;
    }
    FILE* in = bench::open_stimulus(argv[1]);
    if (!in) return 2;
    int n = 0, steps = 0;
    if (std::fscanf(in, "%d %d", &n, &steps) != 2) return 2;

    VerilatedContext context;
    Vhwgen_attention dut(&context);
    auto edge = [&]() { bench::edge(dut); };
    bench::reset(dut);

    for (int s = 0; s < steps; ++s) {
        int pos, layer, rq[4];
        if (std::fscanf(in, "%d %d %d %d %d %d", &pos, &layer, &rq[0], &rq[1], &rq[2], &rq[3]) != 6) return 2;
        std::vector<int> q(n), k(n), v(n);
        for (auto* vec : {&q, &k, &v})
            for (int j = 0; j < n; ++j)
                if (std::fscanf(in, "%d", &(*vec)[j]) != 1) return 2;

        // Cycle 0: start_i with the operands.
        dut.start_i = 1;
        dut.pos_i = pos;
        dut.layer_i = layer;
        dut.rq_score_i = static_cast<uint8_t>(rq[0]);
        dut.rq_exp_i = static_cast<uint8_t>(rq[1]);
        dut.rq_weight_i = static_cast<uint8_t>(rq[2]);
        dut.rq_out_i = static_cast<uint8_t>(rq[3]);
        bench::put(dut.q_i, q);
        bench::put(dut.k_i, k);
        bench::put(dut.v_i, v);
        dut.eval();
        if (dut.done_o) {
            std::printf("error done_o with start_i at step %d\n", s);
            return 3;
        }
        edge();
        // Scramble the operands: the module must have sampled them on start_i.
        dut.start_i = 0;
        bench::put(dut.q_i, std::vector<int>(n, -1));
        bench::put(dut.k_i, std::vector<int>(n, 12345));
        bench::put(dut.v_i, std::vector<int>(n, -777));
        dut.pos_i = 0;
        dut.eval();
        long cycle = 1;
        while (!dut.done_o) {
            edge();
            if (++cycle > 1000000L) {
                std::printf("watchdog at step %d\n", s);
                return 3;
            }
        }
        const auto out = bench::get(dut.out_o, n);
        std::printf("out %d %ld", s, cycle);
        for (int c : out) std::printf(" %d", c);
        std::printf("\n");
        // done_o is one cycle long; out_o holds while idle.
        edge();
        int held = dut.done_o ? 0 : 1;
        for (int i = 0; i < 2; ++i) edge();
        if (bench::get(dut.out_o, n) != out) held = 0;
        std::printf("held %d %d\n", s, held);
    }
    dut.final();
    return 0;
}
