using System.Management.Automation;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that create a request for one account (New-PSRequest, Use-PSCredential): the request options only
/// <c>POST Requests</c> (api-v3 §3.2) takes, and the request body built from them and the account.
/// </summary>
public abstract class RequestingCmdlet : RequestOptionsCmdlet
{
    [Parameter]
    public int? AccessPolicyScheduleId { get; set; }

    [Parameter]
    public SwitchParameter RotateOnCheckin { get; set; }

    [Parameter]
    [ValidateSet("Reuse", "Renew", IgnoreCase = true)]
    public string? ConflictOption { get; set; }

    /// <summary>
    /// The body of <c>POST Requests</c>: the account's ids when it is known (else the typed ones), and the typed
    /// duration, else the account's default release duration, else <see cref="FallbackDurationMinutes"/>.
    /// </summary>
    internal NewRequestSpec RequestSpec(string accessType, int? applicationId, ManagedAccount? account) => new NewRequestSpec
    {
        SystemId = account?.SystemId ?? SystemId,
        AccountId = account?.AccountId ?? AccountId,
        AccessType = accessType,
        ApplicationId = applicationId,
        Reason = Reason,
        TicketSystemId = TicketSystemId,
        TicketNumber = TicketNumber,
        AccessPolicyScheduleId = AccessPolicyScheduleId,
        ConflictOption = ConflictOption,
        RotateOnCheckin = RotateOnCheckin.IsPresent ? true : (bool?)null,
        DurationMinutes = DurationFor(account),
    };
}
