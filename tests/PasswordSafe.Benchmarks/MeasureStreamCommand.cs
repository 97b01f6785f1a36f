using System.Management.Automation;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// <c>... | Measure-BenchmarkStream -Probe $probe</c>: a compiled pipeline sink that counts and timestamps items, so the
/// cmdlet's own cost is measured without a script block per item (the ForEach-Object row shows that cost separately).
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "BenchmarkStream")]
public sealed class MeasureStreamCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true)]
    public StreamProbe? Probe { get; set; }

    protected override void ProcessRecord() => Probe!.Observe();
}
