// A Verilator testbench for the compact hwgen_step alone (CompactStepModuleTests).
// Usage: compact_step_tb STIMULUS_FILE
// The stimulus file: "vocab steps", then one line "token pos" per step. Each step: start_i for one
// cycle with the token and position, then clock until done_o (then 2 idle cycles). Prints per step
// "step <index> <cycles>" (start_i cycle to done_o cycle, inclusive), "stages <code>:<cycles> ..."
// (what stage_o showed from the cycle after start_i to the done_o cycle), and "logits <codes>"
// (signed decimal, index order): the logits the step wrote on logit_we_o / logit_idx_o / logit_o,
// each exactly once and before the done_o cycle, or "protocol <step> <what>" (exit code 4).
#include "Vhwgen_step.h"
#include "verilated.h"
#include "../bench.h"
#include <cstdint>
#include <cstdio>
#include <map>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: compact_step_tb STIMULUS_FILE\n");
        return 2;
    }
    FILE* in = bench::open_stimulus(argv[1]);
    if (!in) return 2;
    int vocab = 0, steps = 0;
    if (std::fscanf(in, "%d %d", &vocab, &steps) != 2) return 2;

    VerilatedContext context;
    Vhwgen_step dut(&context);
    auto edge = [&]() { bench::edge(dut); };
    bench::reset(dut);
    edge();

    for (int s = 0; s < steps; ++s) {
        int token, pos;
        if (std::fscanf(in, "%d %d", &token, &pos) != 2) return 2;
        dut.start_i = 1;
        dut.token_i = token;
        dut.pos_i = pos;
        dut.eval();
        edge();
        dut.start_i = 0;
        dut.token_i = 0;
        dut.pos_i = 0;
        dut.eval();
        long cycles = 1;
        std::map<int, long> stages;
        std::vector<int> logits(vocab, 0);
        std::vector<int> writes(vocab, 0);
        for (;;) {
            stages[dut.stage_o] += 1;
            ++cycles;
            if (dut.done_o) {
                if (dut.logit_we_o) {
                    std::printf("protocol %d logit written in the done cycle\n", s);
                    return 4;
                }
                break;
            }
            if (dut.logit_we_o) {
                int i = dut.logit_idx_o;
                if (i >= vocab) {
                    std::printf("protocol %d logit index %d\n", s, i);
                    return 4;
                }
                logits[i] = static_cast<int>(static_cast<int16_t>(dut.logit_o));
                writes[i] += 1;
            }
            edge();
            if (cycles > 1000000L) {
                std::printf("watchdog at step %d\n", s);
                return 3;
            }
        }
        std::printf("step %d %ld\nstages", s, cycles);
        for (auto& kv : stages) std::printf(" %d:%ld", kv.first, kv.second);
        for (int i = 0; i < vocab; ++i) {
            if (writes[i] != 1) {
                std::printf("\nprotocol %d logit %d written %d times\n", s, i, writes[i]);
                return 4;
            }
        }
        std::printf("\nlogits");
        for (int i = 0; i < vocab; ++i) std::printf(" %d", logits[i]);
        std::printf("\n");
        edge();
        edge();
    }
    dut.final();
    return 0;
}
