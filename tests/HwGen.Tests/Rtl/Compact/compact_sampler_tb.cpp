// A Verilator testbench for the compact hwgen_sampler alone, which takes its logits through the
// serial write port (logit_we_i, logit_idx_i, logit_i) into its own RAM (SamplerBench).
// Usage: compact_sampler_tb STIMULUS_FILE WAIT
// The stimulus file: "vocab cases", then per case a line "seed temperature greedy tokens" and one
// line of vocab signed logit codes per token. A case loads the seed (seed_load_i for one cycle,
// cycle 0, with the temperature and greedy flag held from cycle 1 on); the first start_i comes in
// cycle WAIT + 1, each next start_i WAIT + 1 cycles after the previous done_o (the sampler's ready
// cycles; the core runs a whole step between the two). Before every start_i the bench writes the
// token's logits in the last cycles of the wait (start_i comes a cycle after the last write), and
// before every token but a case's first a set of junk logits 64 cycles into the wait; each set in
// a scrambled order, one write per cycle (the junk set is left out when the wait is too short).
// Prints per token "tok <case> <token index> <cycles> <token>", cycles counting from start_i
// (cycle 0) to done_o.
#include "Vhwgen_sampler.h"
#include "verilated.h"
#include "../bench.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: compact_sampler_tb STIMULUS_FILE WAIT\n");
        return 2;
    }
    const int wait = std::atoi(argv[2]);
    FILE* in = bench::open_stimulus(argv[1]);
    if (!in) return 2;
    int vocab = 0, cases = 0;
    if (std::fscanf(in, "%d %d", &vocab, &cases) != 2) return 2;

    VerilatedContext context;
    Vhwgen_sampler dut(&context);
    auto edge = [&]() { bench::edge(dut); };
    uint32_t lcg = 12345u;
    auto next = [&]() {
        lcg = lcg * 1103515245u + 12345u;
        return lcg >> 8;
    };
    // One set of writes, a scrambled order (a random start and a stride coprime with vocab), one per cycle.
    auto write_set = [&](const std::vector<int>& codes) {
        const int n = static_cast<int>(codes.size());
        int stride = 1 + static_cast<int>(next() % n);
        auto gcd = [](int a, int b) { while (b) { int t = a % b; a = b; b = t; } return a; };
        while (gcd(stride, n) != 1) stride++;
        int j = static_cast<int>(next() % n);
        for (int k = 0; k < n; ++k) {
            dut.logit_we_i = 1;
            dut.logit_idx_i = j;
            dut.logit_i = static_cast<uint16_t>(codes[j]);
            dut.eval();
            edge();
            j = (j + stride) % n;
        }
        dut.logit_we_i = 0;
        dut.logit_idx_i = next() % n;
        dut.logit_i = static_cast<uint16_t>(next());
        dut.eval();
    };
    auto junk = [&]() {
        std::vector<int> codes(vocab);
        for (int j = 0; j < vocab; ++j) codes[j] = static_cast<int>(static_cast<int16_t>(next()));
        return codes;
    };
    dut.seed_load_i = 0;
    dut.logit_we_i = 0;
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
        for (int t = 0; t < tokens; ++t) {
            std::vector<int> logits(vocab);
            for (int j = 0; j < vocab; ++j)
                if (std::fscanf(in, "%d", &logits[j]) != 1) return 2;
            // The junk set first, 64 cycles into the wait after a done_o (not after the seed load,
            // whose per-sample work the junk's exponentials would disturb; after the draw that follows
            // a token's r * Z, which shares the step counter), far enough before the token's set that
            // the exponentials it starts are over (the core's steps are far longer).
            const int lead = 64;
            const bool with_junk = t > 0 && wait >= lead + 4 * vocab + 64;
            if (wait < vocab) {
                std::printf("wait %d is shorter than one set of %d writes\n", wait, vocab);
                return 2;
            }
            int idle = wait - vocab;   // cycles of the wait before the token's writes
            if (with_junk) {
                for (int i = 0; i < lead; ++i) edge();
                write_set(junk());
                idle -= lead + vocab;
            }
            for (int i = 0; i < idle; ++i) edge();
            write_set(logits);
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
            dut.eval();
        }
    }
    dut.final();
    return 0;
}
