using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a quick rule over managed accounts (E5, <c>POST QuickRules</c>, api-v3 §6.4). Accounts piped in are
/// collected, and one rule is created for all of them at the end; rows (Import-Csv) that carry their own Title are
/// grouped by it, one rule per title, in the order the titles first appear.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSQuickRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartRule))]
public sealed class NewPSQuickRuleCommand : AdminCmdlet
{
    private readonly List<PendingQuickRule> _rules = new List<PendingQuickRule>();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ManagedAccountID", "AccountIDs")]
    public int[] AccountId { get; set; } = new int[0];

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Category { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Piped accounts give their ids only: an account's description is not the rule's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(AccountId) };

    protected override void ProcessItem()
    {
        var rule = _rules.FirstOrDefault(r => string.Equals(r.Title, Title, StringComparison.OrdinalIgnoreCase));
        if (rule == null)
        {
            rule = new PendingQuickRule(Title, Category, Description, Session);
            _rules.Add(rule);
        }

        // A title's first category and description stand; later rows of that title may leave them out.
        rule.Category ??= Category;
        rule.Description ??= Description;
        rule.AccountIds.AddRange(AccountId);
    }

    protected override void EndProcessing()
    {
        foreach (var rule in _rules)
        {
            TryItem(() => Create(rule), rule.Title);
        }
    }

    private void Create(PendingQuickRule rule)
    {
        QuickRuleBody.Build(rule.Title, rule.AccountIds, rule.Category, rule.Description);
        if (!ShouldProcess($"quick rule '{rule.Title}'", $"Create over {rule.AccountIds.Count} managed account(s)"))
        {
            return;
        }

        var service = new SmartRuleService(new AdminClient(ResolveSession(rule.Session)));
        WriteObject(Run((log, token) => service.CreateQuickRuleAsync(rule.Title, rule.AccountIds, rule.Category, rule.Description, log, token)));
    }
}
