using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Emulator;

/// <summary>How to start an emulator (ARCHITECTURE.md "Emulator surface").</summary>
public sealed class EmulatorOptions
{
    /// <summary>0: a free port on 127.0.0.1 (tests run many servers side by side).</summary>
    public int Port { get; set; }
    /// <summary>A JSON seed file; with <see cref="Seed"/> also null the built-in demo seed is used.</summary>
    public string? SeedPath { get; set; }
    /// <summary>An in-code seed (tests); wins over <see cref="SeedPath"/>.</summary>
    public EmulatorSeed? Seed { get; set; }
    /// <summary>null: a self-signed certificate for 127.0.0.1/localhost, made once per process and shared.</summary>
    public X509Certificate2? ServerCertificate { get; set; }
    /// <summary>B5: the CA whose issued client certificates are trusted.</summary>
    public X509Certificate2? ClientCertificateAuthority { get; set; }
    /// <summary>null: system time. Tests pass one and Advance() it.</summary>
    public EmulatorClock? Clock { get; set; }
    /// <summary>Write ASP.NET Core warnings and errors to the console (the CLI turns it on; tests keep it quiet).</summary>
    public bool LogToConsole { get; set; }
}
