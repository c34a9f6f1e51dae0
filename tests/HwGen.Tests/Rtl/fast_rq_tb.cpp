// A Verilator testbench for the fast step's requantizer functions (rq_post(rq_pre(a, s)), taken from a
// generated hwgen_step.sv into a combinational wrapper, fast_rq_dut).
// Usage: fast_rq_tb STIMULUS_FILE IN_WIDTH
// The stimulus file: "count", then per vector a line "a s" (a a signed value of IN_WIDTH bits, s the
// signed shift). Prints per vector its q_o as a signed decimal, one per line.
#include "Vfast_rq_dut.h"
#include "verilated.h"
#include "bench.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: fast_rq_tb STIMULUS_FILE IN_WIDTH\n");
        return 2;
    }
    const int width = std::atoi(argv[2]);
    const uint64_t mask = width >= 64 ? ~0ull : (1ull << width) - 1;
    FILE* in = bench::open_stimulus(argv[1]);
    if (!in) return 2;
    long count = 0;
    if (std::fscanf(in, "%ld", &count) != 1) return 2;

    VerilatedContext context;
    Vfast_rq_dut dut(&context);
    for (long k = 0; k < count; ++k) {
        long long a = 0;
        int s = 0;
        if (std::fscanf(in, "%lld %d", &a, &s) != 2) return 2;
        dut.a_i = static_cast<uint64_t>(a) & mask;
        dut.s_i = static_cast<uint8_t>(static_cast<int8_t>(s));
        dut.eval();
        std::printf("%d\n", static_cast<int>(static_cast<int16_t>(dut.q_o)));
    }
    return 0;
}
