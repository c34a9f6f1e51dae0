// A small Verilator testbench for the RTL generator's own smoke tests (the full harness is sim/).
// Usage: smoke_tb SEED TEMPERATURE GREEDY MAX_LEN [PROMPT_TOKEN ...]
// Prints one sample: "logit <step> <index> <code>", "token <tok> <cycle>", "done <cycle> <steps>".
#include "Vhwgen_core.h"
#include "verilated.h"
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: smoke_tb SEED TEMPERATURE GREEDY MAX_LEN [PROMPT ...]\n");
        return 2;
    }
    VerilatedContext context;
    Vhwgen_core core(&context);
    const unsigned seed = static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10));
    const unsigned temperature = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    const unsigned greedy = static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10));
    const unsigned max_len = static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10));
    std::vector<unsigned> prompt;
    for (int i = 5; i < argc; ++i) prompt.push_back(static_cast<unsigned>(std::strtoul(argv[i], nullptr, 10)));

    auto tick = [&]() {
        core.clk_i = 0;
        core.eval();
        core.clk_i = 1;
        core.eval();
    };
    core.rst_ni = 0;
    core.start_valid_i = 0;
    core.prompt_valid_i = 0;
    core.token_ready_i = 1;
    for (int i = 0; i < 3; ++i) tick();
    core.rst_ni = 1;

    bool started = false;
    size_t sent = 0;
    int step = -1;
    for (long cycle = 0; cycle < 50000000L; ++cycle) {
        core.clk_i = 0;
        core.start_valid_i = started ? 0 : 1;
        core.seed_i = seed;
        core.temperature_i = temperature;
        core.greedy_i = greedy;
        core.prompt_len_i = static_cast<unsigned>(prompt.size());
        core.max_len_i = max_len;
        core.prompt_valid_i = sent < prompt.size() ? 1 : 0;
        core.prompt_token_i = sent < prompt.size() ? prompt[sent] : 0;
        core.eval();
        if (core.start_valid_i && core.start_ready_o) started = true;
        if (core.prompt_valid_i && core.prompt_ready_o) ++sent;
        if (core.dbg_logit_valid_o) {
            if (core.dbg_logit_index_o == 0) ++step;
            std::printf("logit %d %u %d\n", step, static_cast<unsigned>(core.dbg_logit_index_o),
                static_cast<int>(static_cast<short>(core.dbg_logit_o)));
        }
        if (core.token_valid_o && core.token_ready_i)
            std::printf("token %u %u\n", static_cast<unsigned>(core.token_o), static_cast<unsigned>(core.cycle_o));
        const bool done = core.done_o;
        const unsigned now = core.cycle_o;
        core.clk_i = 1;
        core.eval();
        if (done) {
            std::printf("done %u %d\n", now, step + 1);
            core.final();
            return 0;
        }
    }
    std::printf("watchdog\n");
    return 3;
}
