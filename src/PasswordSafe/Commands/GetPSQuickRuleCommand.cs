using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists quick rules (title wildcards allowed) or reads some by id (api-v3 §6.4).</summary>
[Cmdlet(VerbsCommon.Get, "PSQuickRule", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SmartRule))]
public sealed class GetPSQuickRuleCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<QuickRuleTitleList>))]
    public string? Title { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("QuickRuleId", "Id")]
    public int[] SmartRuleId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new SmartRuleService(Connect());
        WriteByIdOrMatching(SmartRuleId, (id, log, token) => service.GetAsync(quickRules: true, id, log, token),
            (log, token) => service.ListAsync(quickRules: true, log, token), Title, r => r.Title, "quick rule");
    }
}
