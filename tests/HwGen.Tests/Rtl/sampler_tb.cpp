// A Verilator testbench for hwgen_sampler alone, of either architecture (SamplerBench).
// Usage: sampler_tb STIMULUS_FILE [WAIT]
// The stimulus file: "vocab cases", then per case a line "seed temperature greedy tokens" and one
// line of vocab signed logit codes per token. A case loads the seed (seed_load_i for one cycle,
// cycle 0, with the temperature and greedy flag held from cycle 1 on), waits WAIT cycles (default
// 40: the first start_i comes in cycle WAIT + 1), then samples its tokens
// one after the other (start_i for one cycle, the logits held until done_o, 3 idle cycles after it).
// Prints per token "tok <case> <token index> <cycles> <token>", cycles counting from start_i
// (cycle 0) to done_o.
#include "Vhwgen_sampler.h"
#include "verilated.h"
#include "bench.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: sampler_tb STIMULUS_FILE [WAIT]\n");
        return 2;
    }
    const int wait = argc == 3 ? std::atoi(argv[2]) : 40;
    FILE* in = bench::open_stimulus(argv[1]);
    if (!in) return 2;
    int vocab = 0, cases = 0;
    if (std::fscanf(in, "%d %d", &vocab, &cases) != 2) return 2;

    VerilatedContext context;
    Vhwgen_sampler dut(&context);
    auto edge = [&]() { bench::edge(dut); };
    dut.seed_load_i = 0;
    bench::reset(dut);

    for (int c = 0; c < cases; ++c) {
        unsigned seed;
        int temperature, greedy, tokens;
        if (std::fscanf(in, "%u %d %d %d", &seed, &temperature, &greedy, &tokens) != 4) return 2;
        dut.seed_load_i = 1;
        dut.seed_i = seed;
        dut.eval();
        edge();
        // The core holds the temperature and greedy flag from the cycle after the start transfer.
        dut.seed_load_i = 0;
        dut.seed_i = 0x5a5a5a5au;
        dut.temperature_i = static_cast<uint16_t>(temperature);
        dut.greedy_i = greedy;
        dut.eval();
        for (int i = 0; i < wait; ++i) edge();
        for (int t = 0; t < tokens; ++t) {
            std::vector<int> logits(vocab);
            for (int j = 0; j < vocab; ++j)
                if (std::fscanf(in, "%d", &logits[j]) != 1) return 2;
            bench::put(dut.logits_i, logits);
            dut.start_i = 1;
            dut.eval();
            long cycle = 0;
            while (!dut.done_o) {
                edge();
                dut.start_i = 0;
                dut.eval();
                if (++cycle > 100000L) {
                    std::printf("watchdog at case %d token %d\n", c, t);
                    return 3;
                }
            }
            std::printf("tok %d %d %ld %d\n", c, t, cycle, static_cast<int>(dut.token_o));
            edge();
            dut.start_i = 0;
            bench::put(dut.logits_i, std::vector<int>(vocab, -12345));
            dut.eval();
            for (int i = 0; i < 3; ++i) edge();
        }
    }
    dut.final();
    return 0;
}
