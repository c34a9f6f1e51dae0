using System.CommandLine;
using HwGen.Cli;
using HwGen.Cli.Commands;

var root = new RootCommand("HwGen: turns a trained microGPT-family transformer into verified FPGA hardware.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

return CliRunner.Run(root, args);
