using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using PasswordSafe.Emulator.Cli;

namespace PasswordSafe.Emulator;

/// <summary>The emulator as a program: parse options, start, print how to connect, stop cleanly on Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        if (commandLine.ShowHelp)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        EmulatorServer server;
        try
        {
            var seed = commandLine.SeedPath is null ? EmulatorSeed.LoadDemo() : EmulatorSeed.Load(commandLine.SeedPath);
            if (commandLine.Generate is { } generate) seed.Generate = generate;
            // Into the seed, so a reset (POST /emulator/reset) starts over with them too.
            if (commandLine.IdleTimeoutMinutes is int minutes) (seed.Settings ??= new()).SessionIdleTimeoutMinutes = minutes;
            if (commandLine.ResponseDelayMilliseconds is int delay) (seed.Settings ??= new()).ResponseDelayMilliseconds = delay;
            server = await EmulatorServer.StartAsync(new EmulatorOptions
            {
                Port = commandLine.Port,
                Seed = seed,
                ServerCertificate = commandLine.CertificatePath is null ? null
                    : X509CertificateLoader.LoadPkcs12FromFile(commandLine.CertificatePath, commandLine.CertificatePassword),
                ClientCertificateAuthority = commandLine.ClientCaPath is null ? null
                    : X509CertificateLoader.LoadCertificateFromFile(commandLine.ClientCaPath),
                LogToConsole = true,
            });
        }
        catch (SeedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            // Port in use, unreadable or wrong-password certificate: the message says which; never the password.
            Console.Error.WriteLine($"The emulator could not start: {e.Message}");
            return 1;
        }

        await using (server)
        {
            ConnectionBanner.Write(Console.Out, server, isDemoSeed: commandLine.SeedPath is null);

            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.TrySetResult();
            };
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.TrySetResult();
            });
            await stop.Task;
            Console.WriteLine("Stopping the emulator…");
        }
        return 0;
    }
}
