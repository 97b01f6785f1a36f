using System.Management.Automation;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// <c>Write-BenchmarkObjects -Source $prebuilt</c>: writes objects that already exist, one by one, like a listing cmdlet
/// writes its accounts but with nothing fetched, parsed or built. Into the same counting sink, it shows what PowerShell's
/// pipeline itself allocates per object, which no module can avoid.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "BenchmarkObjects")]
public sealed class WriteObjectsCommand : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public PrebuiltObjects? Source { get; set; }

    protected override void EndProcessing()
    {
        foreach (var item in Source!.Items)
        {
            WriteObject(item);
        }
    }
}
