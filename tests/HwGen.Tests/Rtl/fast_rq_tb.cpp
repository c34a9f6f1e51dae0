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

int main(int argc, char** argv) {
    bench::RqVectors vectors;
    if (!bench::open_rq_vectors(argc, argv, "fast_rq_tb", vectors)) return 2;

    VerilatedContext context;
    Vfast_rq_dut dut(&context);
    for (long k = 0; k < vectors.count; ++k) {
        uint64_t a = 0;
        int s = 0;
        if (!vectors.next(a, s)) return 2;
        dut.a_i = a;
        dut.s_i = static_cast<uint8_t>(static_cast<int8_t>(s));
        dut.eval();
        std::printf("%d\n", static_cast<int>(static_cast<int16_t>(dut.q_o)));
    }
    return 0;
}
