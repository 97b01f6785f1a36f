using System.Management.Automation;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// <c>Invoke-BenchmarkNoOp</c>: takes what the checkout cmdlets take (-Session, pipeline input) and does nothing but
/// pass its input on. The checkout script with this in place of the three cmdlets measures what PowerShell itself
/// costs per cycle (parsing, binding, pipelines), separately from the module's work.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BenchmarkNoOp")]
public sealed class NoOpCommand : CheckoutParametersCmdlet
{
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord() => WriteObject(InputObject ?? (object)AccountId);
}
