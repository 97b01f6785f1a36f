using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists smart rules (title wildcards allowed) or reads some by id (api-v3 §6.4); read-only.</summary>
[Cmdlet(VerbsCommon.Get, "PSSmartRule", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SmartRule))]
public sealed class GetPSSmartRuleCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<SmartRuleTitleList>))]
    public string? Title { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] SmartRuleId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new SmartRuleService(Connect());
        WriteByIdOrMatching(SmartRuleId, (id, log, token) => service.GetAsync(quickRules: false, id, log, token),
            (log, token) => service.ListAsync(quickRules: false, log, token), Title, r => r.Title, "smart rule");
    }
}
