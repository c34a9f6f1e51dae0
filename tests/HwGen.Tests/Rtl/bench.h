// What the module testbenches (attention_tb, sampler_tb, compact/*_tb, the requantizer benches) share: opening
// the stimulus file, the requantizer vectors, a clock edge, the reset, and moving 16-bit codes in and out of wide ports. Listed in each
// bench's Verilator build spec (OtherInputs) so that a change here rebuilds them.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace bench {

// Opens the stimulus file; says why on stderr when it cannot.
inline FILE* open_stimulus(const char* path) {
    FILE* in = std::fopen(path, "r");
    if (!in) std::fprintf(stderr, "cannot open %s\n", path);
    return in;
}

// The requantizer benches' stimulus (RequantizerCases): "count", then per vector a line "value shift".
// Usage checked from argv (STIMULUS_FILE IN_WIDTH); each value comes masked to IN_WIDTH bits.
struct RqVectors {
    FILE* in = nullptr;
    long count = 0;
    uint64_t mask = 0;

    // Reads the next vector; false at a malformed line.
    bool next(uint64_t& value, int& shift) {
        long long v = 0;
        if (std::fscanf(in, "%lld %d", &v, &shift) != 2) return false;
        value = static_cast<uint64_t>(v) & mask;
        return true;
    }
};

// Opens the vectors named by argv; says why on stderr and returns false when it cannot.
inline bool open_rq_vectors(int argc, char** argv, const char* bench_name, RqVectors& r) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s STIMULUS_FILE IN_WIDTH\n", bench_name);
        return false;
    }
    const int width = std::atoi(argv[2]);
    r.mask = width >= 64 ? ~0ull : (1ull << width) - 1;
    r.in = open_stimulus(argv[1]);
    return r.in && std::fscanf(r.in, "%ld", &r.count) == 1;
}

// One rising then falling clock edge.
template <typename Dut>
void edge(Dut& dut) {
    dut.clk_i = 1;
    dut.eval();
    dut.clk_i = 0;
    dut.eval();
}

// Reset for 3 edges with start_i low (the caller sets its other inputs first), then release it.
template <typename Dut>
void reset(Dut& dut) {
    dut.clk_i = 0;
    dut.rst_ni = 0;
    dut.start_i = 0;
    dut.eval();
    for (int i = 0; i < 3; ++i) edge(dut);
    dut.rst_ni = 1;
    dut.eval();
}

// Packs codes into a wide port, code j at bits [16*j +: 16].
template <typename W>
void put(W& port, const std::vector<int>& codes) {
    for (size_t w = 0; w < (codes.size() + 1) / 2; ++w) port[w] = 0;
    for (size_t j = 0; j < codes.size(); ++j)
        port[j / 2] |= static_cast<uint32_t>(static_cast<uint16_t>(codes[j])) << (16 * (j % 2));
}

// Unpacks n signed codes from a wide port.
template <typename W>
std::vector<int> get(const W& port, int n) {
    std::vector<int> codes(n);
    for (int j = 0; j < n; ++j)
        codes[j] = static_cast<int16_t>(static_cast<uint16_t>(port[j / 2] >> (16 * (j % 2))));
    return codes;
}

}  // namespace bench
