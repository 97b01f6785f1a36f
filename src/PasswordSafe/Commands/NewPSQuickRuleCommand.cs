using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a quick rule over managed accounts (E5, <c>POST QuickRules</c>, api-v3 §6.4). Accounts piped in are
/// collected, and one rule is created for all of them at the end.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSQuickRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartRule))]
public sealed class NewPSQuickRuleCommand : AdminCmdlet
{
    private readonly List<int> _accountIds = new List<int>();
    private PasswordSafeSession? _session;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "AccountIDs")]
    public int[] AccountId { get; set; } = new int[0];

    [Parameter]
    public string? Category { get; set; }

    [Parameter]
    public string? Description { get; set; }

    protected override void ProcessItem()
    {
        _accountIds.AddRange(AccountId);
        _session ??= Session;
    }

    protected override void EndProcessing()
    {
        TryItem(() =>
        {
            QuickRuleBody.Build(Title, _accountIds, Category, Description);
            if (!ShouldProcess($"quick rule '{Title}'", $"Create over {_accountIds.Count} managed account(s)"))
            {
                return;
            }

            var service = new SmartRuleService(new AdminClient(ResolveSession(_session)));
            WriteObject(Run((log, token) => service.CreateQuickRuleAsync(Title, _accountIds, Category, Description, log, token)));
        }, Title);
    }
}
