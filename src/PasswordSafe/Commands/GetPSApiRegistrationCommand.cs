using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists API registrations or reads some by id (spec A1–A4, api-v3 §6.7); a piped user group reads the registrations its
/// members may use. The key is never part of the output.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSApiRegistration", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ApiRegistration))]
public sealed class GetPSApiRegistrationCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<ApiRegistrationNameList>))]
    public string? Name { get; set; }

    /// <summary>A group's ApplicationRegistrationIds bind too; a group with none reads none (AllowEmptyCollection).</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "ApplicationRegistrationIds")]
    [AllowEmptyCollection]
    public int[] RegistrationId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new ApiRegistrationService(Connect());
        WriteByIdOrMatching(RegistrationId, service.GetAsync, service.ListAsync, Name, r => r.Name, "API registration");
    }
}
