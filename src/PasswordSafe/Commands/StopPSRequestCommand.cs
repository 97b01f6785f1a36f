using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Ends every open request, active and pending, on managed accounts, on managed systems or of users
/// (<c>POST ManagedAccounts|ManagedSystems|Users/{id}/Requests/Terminate</c>, api-v3 §3.3): incident response that ends
/// access by target instead of one request at a time. Accounts, systems and users from the Get- cmdlets pipe in by
/// property name; asks first unless -Force.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByManagedAccountSet)]
[OutputType(typeof(void))]
public sealed class StopPSRequestCommand : AdminCmdlet
{
    private const string ByManagedAccountSet = "ByManagedAccount";
    private const string ByManagedSystemSet = "ByManagedSystem";
    private const string ByUserSet = "ByUser";

    /// <summary>
    /// Alias AccountId: accounts from Get-PSManagedAccount (both views) bind here. -ManagedSystemId deliberately has no
    /// SystemId alias, or those accounts, which carry SystemId too, would fit two sets and fail to bind.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByManagedAccountSet, ValueFromPipelineByPropertyName = true)]
    [Alias("AccountId")]
    public int[] ManagedAccountId { get; set; } = new int[0];

    [Parameter(Mandatory = true, ParameterSetName = ByManagedSystemSet, ValueFromPipelineByPropertyName = true)]
    public int[] ManagedSystemId { get; set; } = new int[0];

    [Parameter(Mandatory = true, ParameterSetName = ByUserSet, ValueFromPipelineByPropertyName = true)]
    public int[] UserId { get; set; } = new int[0];

    /// <summary>Why access ends; the server records it in the audit (1000 characters at most).</summary>
    [Parameter]
    [ValidateLength(1, 1000)]
    public string? Reason { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// Pipeline plumbing, hidden: the piped account, system or user itself, so -WhatIf and the confirmation can name it.
    /// In every set, so it never decides which set a piped object binds to.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessItem()
    {
        if (RefusesOneItem())
        {
            return;
        }

        var service = new RequestTerminationService(Connect());
        foreach (var target in Targets())
        {
            if (ShouldChange(target.Description, "Terminate every open request (active and pending)", Force))
            {
                TryItem(() => Run((log, token) => service.TerminateAsync(target, Reason, log, token)), target.Id);
            }
        }
    }

    private IEnumerable<AccessTarget> Targets()
    {
        switch (ParameterSetName)
        {
            case ByManagedSystemSet:
                foreach (var id in ManagedSystemId)
                {
                    yield return AccessTarget.ManagedSystem(id).Named(PipedTargetName.ManagedSystem(InputObject?.BaseObject, id));
                }

                break;
            case ByUserSet:
                foreach (var id in UserId)
                {
                    yield return AccessTarget.User(id).Named(PipedTargetName.User(InputObject?.BaseObject, id));
                }

                break;
            default:
                foreach (var id in ManagedAccountId)
                {
                    yield return AccessTarget.ManagedAccount(id).Named(PipedTargetName.ManagedAccount(InputObject?.BaseObject, id));
                }

                break;
        }
    }

    /// <summary>
    /// A piped request or session carries AccountId and would bind as its whole account: ending everyone's requests
    /// there when the caller most likely meant that one item. Refused, with the calls that end one item, or the
    /// explicit form for the whole account.
    /// </summary>
    private bool RefusesOneItem()
    {
        var item = InputObject?.BaseObject;
        var what = item is Request ? "a request" : item is AccessSession || item is AccessSessionInfo ? "a session" : null;
        if (what == null)
        {
            return false;
        }

        var oneItem = item is Request
            ? "To end this request, use Complete-PSRequest (your own) or Deny-PSRequest (as its approver)"
            : "To end this session, use Stop-PSAccessSession";
        WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.InputNotUsable,
            $"Stop-PSRequest ends every open request on a managed account, a managed system or of a user, and {what} is none of these.",
            $"{oneItem}; to end every request on its account, pass -ManagedAccountId $_.AccountId."), item));
        return true;
    }
}
