using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>A script started in the background, so a test can press "Ctrl+C" (Stop) while it hangs.</summary>
public sealed class RunningScript : IDisposable
{
    private readonly PowerShell shell;
    private readonly PowerShellRunner runner;
    private readonly IAsyncResult pending;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    internal RunningScript(PowerShell shell, PowerShellRunner runner)
    {
        this.shell = shell;
        this.runner = runner;
        pending = shell.BeginInvoke();
    }

    public bool IsCompleted => pending.IsCompleted;

    public PSInvocationState State => shell.InvocationStateInfo.State;

    /// <summary>What Ctrl+C does at the console; returns how long stopping took.</summary>
    public TimeSpan Stop()
    {
        var stopping = Stopwatch.StartNew();
        shell.Stop();
        return stopping.Elapsed;
    }

    /// <summary>Waits for the end and collects the streams (a stopped pipeline is not an error record).</summary>
    public PowerShellResult Wait(TimeSpan timeout)
    {
        if (!pending.AsyncWaitHandle.WaitOne(timeout))
        {
            throw new TimeoutException($"The script did not finish within {timeout}.");
        }

        var output = new List<PSObject>();
        ErrorRecord? terminating = null;
        try
        {
            output.AddRange(shell.EndInvoke(pending));
        }
        catch (PipelineStoppedException)
        {
            // Expected after Stop(): PowerShell reports no error record for a user's Ctrl+C.
        }
        catch (RuntimeException exception)
        {
            terminating = exception.ErrorRecord;
        }

        return runner.Collect(shell, output, terminating, clock.Elapsed);
    }

    public void Dispose()
    {
        if (!pending.IsCompleted)
        {
            shell.Stop();
            pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        }

        shell.Dispose();
    }
}
