using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists the platforms (wildcards allowed) or reads some by id (<c>GET Platforms</c>): the ids New-PSManagedSystem takes.</summary>
[Cmdlet(VerbsCommon.Get, "PSPlatform", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Platform))]
public sealed class GetPSPlatformCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<PlatformNameList>))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] PlatformId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new ManagedSystemService(Connect());
        WriteByIdOrMatching(PlatformId, service.GetPlatformAsync, service.ListPlatformsAsync, Name, p => p.Name, "platform");
    }
}
