using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using PasswordSafe.Emulator.Cli;

namespace PasswordSafe.Emulator;

/// <summary>The emulator's process: runs <see cref="EmulatorProgram"/> on the console until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
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
        return await EmulatorProgram.RunAsync(args, Console.Out, Console.Error, stop.Task);
    }
}
