using System.Management.Automation;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// <c>Invoke-BenchmarkPlainCycle</c>: the plain client's 3-call checkout cycle inside one compiled cmdlet that takes the
/// same kind of parameters as Use-PSCredential. Timed around the cmdlet like the module's sides, it is the floor for
/// any cmdlet-based design on this machine: PowerShell's invocation plus a cmdlet that blocks for async HTTP calls.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BenchmarkPlainCycle")]
public sealed class PlainCycleCommand : CheckoutParametersCmdlet
{
    [Parameter(Mandatory = true)]
    public IPlainCycle? Run { get; set; }

    protected override void ProcessRecord()
    {
        Run!.PlainCycleUntimed(DurationMinutes, Reason ?? string.Empty);
        WriteObject(true);
    }
}
