// Test bench for the board top hwgen_top: clocks it, holds the reset button for a few cycles,
// then decodes the UART line (8N1, DIVISOR clock cycles per bit, sampled mid-bit) and prints each
// received line as "line <text>" (CR dropped). Stops after LINES lines ("end <cycle>", exit 0), on
// a framing error ("framing <cycle>", exit 2), or after MAX_CYCLES ("watchdog <cycle>", exit 3).
// Usage: uart_tb DIVISOR LINES MAX_CYCLES
#include <cstdio>
#include <cstdlib>
#include <string>
#include "Vhwgen_top.h"
#include "verilated.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s DIVISOR LINES MAX_CYCLES\n", argv[0]);
        return 1;
    }
    const long divisor = std::atol(argv[1]);
    const int lines = std::atoi(argv[2]);
    const long max_cycles = std::atol(argv[3]);
    VerilatedContext context;
    Vhwgen_top top{&context};
    long cycle = 0;
    auto tick = [&]() {
        top.clk_i = 0;
        top.eval();
        top.clk_i = 1;
        top.eval();
        ++cycle;
    };
    top.btn_ni = 0;
    for (int i = 0; i < 4; ++i) tick();
    top.btn_ni = 1;

    std::string text;
    int done_lines = 0;
    while (cycle < max_cycles) {
        tick();
        if (top.uart_tx_o != 0) continue;
        // A start bit began on this edge: check it mid-bit, then sample 8 data bits and the stop bit mid-bit.
        for (long i = 0; i < divisor / 2; ++i) tick();
        if (top.uart_tx_o != 0) { std::printf("framing %ld\n", cycle); return 2; }
        int byte = 0;
        for (int bit = 0; bit < 8; ++bit) {
            for (long i = 0; i < divisor; ++i) tick();
            byte |= (top.uart_tx_o & 1) << bit;
        }
        for (long i = 0; i < divisor; ++i) tick();
        if (top.uart_tx_o != 1) { std::printf("framing %ld\n", cycle); return 2; }
        if (byte == '\r') continue;
        if (byte == '\n') {
            std::printf("line %s\n", text.c_str());
            text.clear();
            if (++done_lines == lines) {
                std::printf("end %ld\n", cycle);
                top.final();
                return 0;
            }
            continue;
        }
        text.push_back(static_cast<char>(byte));
    }
    std::printf("watchdog %ld\n", cycle);
    return 3;
}
