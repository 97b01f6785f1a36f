using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace PasswordSafe.UnitTests.Emulator.Cli;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;
using PasswordSafe.Emulator.Cli;

/// <summary>
/// The emulator program run as the CLI runs it (options, banner, error text, exit code), in process: its output and
/// error text are captured, and it stops when the test says so, as on Ctrl+C.
/// </summary>
internal sealed class EmulatorProgramRun : IAsyncDisposable
{
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<EmulatorServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly Task<int> _run;

    private EmulatorProgramRun(string[] args)
    {
        _run = Task.Run(() => EmulatorProgram.RunAsync(args, TextWriter.Synchronized(_output), TextWriter.Synchronized(_error), _stop.Task,
            server => _started.TrySetResult(server), logToConsole: false));
    }

    public string Output => _output.ToString();
    public string Error => _error.ToString();

    /// <summary>Runs the program; returns once it is listening or has ended (a failed start).</summary>
    public static async Task<EmulatorProgramRun> StartAsync(params string[] args)
    {
        var run = new EmulatorProgramRun(args);
        await Task.WhenAny(run._started.Task, run._run).WaitAsync(TimeSpan.FromSeconds(60));
        return run;
    }

    /// <summary>The running server, or an exception when the program ended without starting one.</summary>
    public EmulatorServer Server => _started.Task.IsCompletedSuccessfully ? _started.Task.Result
        : throw new InvalidOperationException($"The emulator did not start. Error text:\n{Error}\nOutput:\n{Output}");

    public bool HasEnded => _run.IsCompleted;

    /// <summary>The exit code once the program ended (stopping it first, as Ctrl+C would, if it runs).</summary>
    public async Task<int> ExitCodeAsync()
    {
        _stop.TrySetResult();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A client for the control endpoints that trusts only this server's certificate.</summary>
    public HttpClient NewControlClient()
    {
        var thumbprint = Server.ServerCertificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = Server.RootUri };
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // A failed run was already reported by the test.
        }
    }
}
