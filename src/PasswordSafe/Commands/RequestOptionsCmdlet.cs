using System.Management.Automation;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// The cmdlets that ask for access to one account (New-PSRequest, Use-PSCredential, New-PSRequestSet): the options
/// <c>POST Requests</c> (api-v3 §3.2) and <c>POST RequestSets</c> (§3.4) share — duration, reason, ticket — and the
/// duration they send.
/// </summary>
public abstract class RequestOptionsCmdlet : AccountTargetCmdlet
{
    /// <summary>The duration when neither -DurationMinutes nor the account's default release duration gives one.</summary>
    public const int FallbackDurationMinutes = 60;

    /// <summary>A piped account brings its DefaultReleaseDuration; a typed value wins.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DefaultReleaseDuration")]
    [ValidateRange(1, 525600)]
    public int DurationMinutes { get; set; }

    [Parameter]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    [Parameter]
    public int? TicketSystemId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TicketNumber { get; set; }

    /// <summary>
    /// By ids without a duration the account is looked up for its default release duration (one listing call; none when
    /// -DurationMinutes is typed or a piped object carries DefaultReleaseDuration).
    /// </summary>
    internal override bool LooksUpAccountByIds => DurationMinutes <= 0;

    /// <summary>The typed duration, else the account's default release duration, else <see cref="FallbackDurationMinutes"/>.</summary>
    internal int DurationFor(ManagedAccount? account) =>
        DurationMinutes > 0 ? DurationMinutes
        : account != null && account.DefaultReleaseDuration > 0 ? account.DefaultReleaseDuration
        : FallbackDurationMinutes;
}
