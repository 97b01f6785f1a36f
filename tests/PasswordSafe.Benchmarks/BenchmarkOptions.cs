using System;
using System.Collections.Generic;
using System.Globalization;

namespace PasswordSafe.Benchmarks;

/// <summary>The command line: full run by default, <c>--quick</c> for a smoke run under a minute.</summary>
internal sealed class BenchmarkOptions
{
    internal const string Usage = """
        PasswordSafe benchmark: the module (hosted PowerShell) vs plain HttpClient + Newtonsoft, against the emulator.

        Usage: dotnet run -c Release --project tests/PasswordSafe.Benchmarks -- [options]

          --quick                 smoke run: 10,000 accounts, fewer cycles and repeats (< 1 minute)
          --accounts N            generated accounts on the emulator (default 100000)
          --cycles N              measured checkout cycles per side and repeat (default 200)
          --parallel-checkouts N  checkouts per parallel run (default 1000)
          --workers N             parallel runspaces / tasks (default 8)
          --repeats N             repeats of every measurement; the median is reported (default 3)
          --page-size N           ManagedAccounts page size for both sides (default 1000, the module's default)
          --response-delay-ms N   the emulator waits N ms before each API call, like a server across a network (default 0:
                                  loopback, where fixed client costs weigh most; the targets are judged on that)
          --module PATH.psd1      module manifest to import (default: out/PasswordSafe/PasswordSafe.psd1 of this repository)
          --help                  this text
        """;

    public int Accounts { get; private set; } = 100_000;

    public int Cycles { get; private set; } = 200;

    /// <summary>Cycles per side in each warm-up round; rounds go on until the JIT settles (<see cref="SteadyStateWarmup"/>).</summary>
    public int WarmupCycles { get; private set; } = 100;

    /// <summary>The longest a warm-up may take before measuring anyway (reported as not settled).</summary>
    public TimeSpan WarmupCap { get; private set; } = TimeSpan.FromSeconds(90);

    public int ParallelCheckouts { get; private set; } = 1_000;

    public int Workers { get; private set; } = 8;

    public int Repeats { get; private set; } = 3;

    public int PageSize { get; private set; } = 1_000;

    /// <summary>Latency the emulator adds to every API call (0: plain loopback).</summary>
    public int ResponseDelayMilliseconds { get; private set; }

    public bool Quick { get; private set; }

    /// <summary>null: the repository's out/PasswordSafe/PasswordSafe.psd1.</summary>
    public string? ModuleManifest { get; private set; }

    public bool ShowHelp { get; private set; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        // --quick first, so explicit numbers given with it still win.
        if (Array.Exists(ToArray(args), a => string.Equals(a, "--quick", StringComparison.OrdinalIgnoreCase)))
        {
            options.Quick = true;
            options.Accounts = 10_000;
            options.Cycles = 60;
            options.WarmupCycles = 50;
            options.WarmupCap = TimeSpan.FromSeconds(20);
            options.ParallelCheckouts = 200;
            options.Repeats = 1;
        }

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i].ToLowerInvariant())
            {
                case "--quick":
                    break;
                case "--help" or "-h" or "-?":
                    options.ShowHelp = true;
                    break;
                case "--accounts":
                    options.Accounts = Number(args, ref i, 1, 10_000_000);
                    break;
                case "--response-delay-ms":
                    options.ResponseDelayMilliseconds = Number(args, ref i, 0, 60_000);
                    break;
                case "--cycles":
                    options.Cycles = Number(args, ref i, 1, 1_000_000);
                    break;
                case "--parallel-checkouts":
                    options.ParallelCheckouts = Number(args, ref i, 1, 1_000_000);
                    break;
                case "--workers":
                    options.Workers = Number(args, ref i, 1, 256);
                    break;
                case "--repeats":
                    options.Repeats = Number(args, ref i, 1, 100);
                    break;
                case "--page-size":
                    options.PageSize = Number(args, ref i, 1, 100_000);
                    break;
                case "--module":
                    if (i + 1 >= args.Count) throw new ArgumentException("Option '--module' needs the path of a PasswordSafe.psd1.");
                    options.ModuleManifest = System.IO.Path.GetFullPath(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help to see the options.");
            }
        }

        if (options.Workers > options.ParallelCheckouts)
        {
            throw new ArgumentException("--workers must not exceed --parallel-checkouts.");
        }

        return options;
    }

    private static string[] ToArray(IReadOnlyList<string> args)
    {
        var copy = new string[args.Count];
        for (var i = 0; i < args.Count; i++) copy[i] = args[i];
        return copy;
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"Option '{name}' needs a whole number from {min} to {max}.");
        }

        i++;
        return value;
    }
}
