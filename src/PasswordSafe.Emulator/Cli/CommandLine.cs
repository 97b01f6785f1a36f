using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator.Cli;

/// <summary>The emulator's command line; Parse throws ArgumentException with a message fit for the user.</summary>
internal sealed class CommandLine
{
    internal const int DefaultPort = 8443;

    internal const string Usage = """
        PasswordSafe emulator: a local HTTPS BeyondTrust Password Safe API v3 for tests and runbooks.

        Usage: dotnet run --project src/PasswordSafe.Emulator -- [options]

          --port N                     port on 127.0.0.1 (default 8443; 0 picks a free one)
          --seed FILE                  seed JSON (default: the built-in demo seed); format: src/PasswordSafe.Emulator/README.md
          --certificate FILE.pfx       server certificate (default: a self-signed one for 127.0.0.1/localhost)
          --certificate-password P     password of that PFX
          --client-ca FILE.cer         CA that issues trusted client certificates (B5)
          --export-certificate FILE    write the server certificate (public part; .cer DER, .pem/.crt PEM) to trust it
          --idle-timeout-minutes N     session idle timeout (overrides the seed; default 20)
          --generate-accounts N        add N generated API-enabled accounts (100 per system), requestable by every group
          --response-delay-ms N        every API call waits N ms first, like a server across a network (default 0)
          --help                       this text
        """;

    internal int Port { get; private set; } = DefaultPort;
    internal string? SeedPath { get; private set; }
    internal string? CertificatePath { get; private set; }
    internal string? CertificatePassword { get; private set; }
    internal string? ClientCaPath { get; private set; }
    internal string? ExportCertificatePath { get; private set; }
    internal int? IdleTimeoutMinutes { get; private set; }
    internal int? GenerateAccounts { get; private set; }
    internal int? ResponseDelayMilliseconds { get; private set; }
    internal bool ShowHelp { get; private set; }

    internal static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name.ToLowerInvariant())
            {
                case "--help" or "-h" or "-?" or "/?":
                    result.ShowHelp = true;
                    break;
                case "--port":
                    result.Port = ParseInt(name, Value(args, ref i), 0, 65535);
                    break;
                case "--seed":
                    result.SeedPath = Value(args, ref i);
                    break;
                case "--certificate":
                    result.CertificatePath = Value(args, ref i);
                    break;
                case "--certificate-password":
                    result.CertificatePassword = Value(args, ref i);
                    break;
                case "--client-ca":
                    result.ClientCaPath = Value(args, ref i);
                    break;
                case "--export-certificate":
                    result.ExportCertificatePath = Value(args, ref i);
                    break;
                case "--idle-timeout-minutes":
                    result.IdleTimeoutMinutes = ParseInt(name, Value(args, ref i), 1, 100_000);
                    break;
                case "--generate-accounts":
                    result.GenerateAccounts = ParseInt(name, Value(args, ref i), 1, 10_000_000);
                    break;
                case "--response-delay-ms":
                    result.ResponseDelayMilliseconds = ParseInt(name, Value(args, ref i), 0, EmulatorSettings.MaxResponseDelayMilliseconds);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'. Run with --help to see the options.");
            }
        }
        if (result.CertificatePassword is not null && result.CertificatePath is null)
            throw new ArgumentException("--certificate-password needs --certificate.");
        return result;
    }

    /// <summary>The seed's Generate section for --generate-accounts N: 100 accounts per system, exactly N in all.</summary>
    internal SeedGenerate? Generate => GenerateAccounts is int count
        ? new SeedGenerate { ManagedSystems = (count + AccountsPerGeneratedSystem - 1) / AccountsPerGeneratedSystem, AccountsPerSystem = AccountsPerGeneratedSystem, MaxAccounts = count }
        : null;

    internal const int AccountsPerGeneratedSystem = 100;

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new ArgumentException($"Option '{args[i]}' needs a value.");
        return args[++i];
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, out var value) || value < min || value > max)
            throw new ArgumentException($"Option '{name}' needs a whole number from {min} to {max}.");
        return value;
    }
}
