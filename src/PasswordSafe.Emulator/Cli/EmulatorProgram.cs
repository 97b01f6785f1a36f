using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace PasswordSafe.Emulator.Cli;

/// <summary>
/// The emulator as a program, apart from the process: parse options, start, print how to connect, run until
/// <c>stop</c> completes. <see cref="Program"/> wires it to the console and to Ctrl+C/SIGTERM; tests call it directly.
/// </summary>
internal static class EmulatorProgram
{
    /// <summary>Exit codes: 0 stopped cleanly, 1 could not start (port, certificate, files), 2 bad options or seed.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Task stop,
        Action<EmulatorServer>? started = null, bool logToConsole = true)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        if (commandLine.ShowHelp)
        {
            output.WriteLine(CommandLine.Usage);
            return 0;
        }

        X509Certificate2? serverCertificate, clientCa;
        try
        {
            serverCertificate = commandLine.CertificatePath is null ? null
                : CertificateFiles.LoadServerCertificate(commandLine.CertificatePath, commandLine.CertificatePassword);
            clientCa = commandLine.ClientCaPath is null ? null : CertificateFiles.LoadClientCa(commandLine.ClientCaPath);
        }
        catch (CertificateOptionException e)
        {
            error.WriteLine($"The emulator could not start: {e.Message}");
            return 1;
        }

        EmulatorServer server;
        IReadOnlyList<string> ignoredSeedProperties;
        try
        {
            var seed = commandLine.SeedPath is null ? EmulatorSeed.LoadDemo() : EmulatorSeed.Load(commandLine.SeedPath);
            ignoredSeedProperties = seed.IgnoredProperties;
            if (commandLine.Generate is { } generate) seed.Generate = generate;
            // Into the seed, so a reset (POST /emulator/reset) starts over with them too.
            if (commandLine.IdleTimeoutMinutes is int minutes) (seed.Settings ??= new()).SessionIdleTimeoutMinutes = minutes;
            if (commandLine.ResponseDelayMilliseconds is int delay) (seed.Settings ??= new()).ResponseDelayMilliseconds = delay;
            server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = commandLine.Port,
                Seed = seed,
                ServerCertificate = serverCertificate,
                ClientCertificateAuthority = clientCa,
                LogToConsole = logToConsole,
            });
        }
        catch (SeedException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            error.WriteLine($"The emulator could not start: port {commandLine.Port} on 127.0.0.1 is in use (another emulator, or another " +
                "program). Start with --port 0 to take a free port (the banner and GET /emulator/status say which), or choose another --port.");
            return 1;
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            // Another start failure the host reports: the message says which.
            error.WriteLine($"The emulator could not start: {e.Message}");
            return 1;
        }

        await using (server)
        {
            if (commandLine.ExportCertificatePath is { } exportPath && !TryExportCertificate(server, exportPath, error))
                return 1;
            ConnectionBanner.Write(output, server, isDemoSeed: commandLine.SeedPath is null, commandLine.ExportCertificatePath,
                StartWarnings.For(commandLine, ignoredSeedProperties, server.State));
            started?.Invoke(server);
            await stop.ConfigureAwait(false);
            output.WriteLine("Stopping the emulator…");
        }
        return 0;
    }

    /// <summary>
    /// --export-certificate: the server certificate's public part (never its key), DER (.cer) or PEM (.pem/.crt), so a
    /// machine can trust it.
    /// </summary>
    private static bool TryExportCertificate(EmulatorServer server, string path, TextWriter error)
    {
        try
        {
            var certificate = server.ServerCertificate;
            if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
                File.WriteAllText(path, certificate.ExportCertificatePem() + Environment.NewLine);
            else
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error.WriteLine($"--export-certificate: cannot write '{path}': {e.Message}");
            return false;
        }
    }
}
