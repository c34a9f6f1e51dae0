using System.Diagnostics;
using System.Text.Json;

// A stand-in for an external tool. Its arguments are a small script, run left to right:
//   out N        print N numbered lines on stdout ("out 1" .. "out N")
//   err N        print N numbered lines on stderr ("err 1" .. "err N")
//   sleep MS     sleep MS milliseconds
//   exit CODE    exit now with CODE
//   write PATH TEXT   write TEXT to the file PATH
//   args         print every argument as one JSON array on stdout, then exit 0
//   env NAME     print the value of the environment variable NAME ("<unset>" when absent)
//   cwd          print the working directory
//   child MS     start a copy of this program that sleeps MS ms, print "child PID", keep going
// Unknown words exit with code 64.

if (args.Length > 0 && args[0] == "args")
{
    Console.Out.WriteLine(JsonSerializer.Serialize(args[1..]));
    return 0;
}

for (var i = 0; i < args.Length; i++)
{
    string Next() => ++i < args.Length ? args[i] : throw new ArgumentException($"'{args[i - 1]}' needs a value");
    switch (args[i])
    {
        case "out":
            var outCount = int.Parse(Next());
            for (var n = 1; n <= outCount; n++)
                Console.Out.WriteLine($"out {n}");
            Console.Out.Flush();
            break;
        case "err":
            var errCount = int.Parse(Next());
            for (var n = 1; n <= errCount; n++)
                Console.Error.WriteLine($"err {n}");
            Console.Error.Flush();
            break;
        case "sleep":
            Thread.Sleep(int.Parse(Next()));
            break;
        case "exit":
            return int.Parse(Next());
        case "write":
            var path = Next();
            File.WriteAllText(path, Next());
            break;
        case "env":
            Console.Out.WriteLine(Environment.GetEnvironmentVariable(Next()) ?? "<unset>");
            break;
        case "cwd":
            Console.Out.WriteLine(Directory.GetCurrentDirectory());
            break;
        case "child":
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!) { ArgumentList = { "sleep", Next() } })!;
            Console.Out.WriteLine($"child {child.Id}");
            Console.Out.Flush();
            break;
        default:
            Console.Error.WriteLine($"unknown word '{args[i]}'");
            return 64;
    }
}
return 0;
