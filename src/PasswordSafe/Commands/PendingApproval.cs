using System;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// A request Wait-PSRequest found pending at its first look: waited for together with the others piped in, until its
/// own deadline (the first look plus -TimeoutSec).
/// </summary>
internal sealed class PendingApproval
{
    public PendingApproval(CheckoutClient client, int requestId, string description, object target, Request? piped, TimeSpan deadline)
    {
        Client = client;
        RequestId = requestId;
        Description = description;
        Target = target;
        Piped = piped;
        Deadline = deadline;
    }

    public CheckoutClient Client { get; }

    public int RequestId { get; }

    /// <summary>"request for web01\Administrator" (never the id), for progress and errors.</summary>
    public string Description { get; }

    /// <summary>The error target: the piped request, or the masked id.</summary>
    public object Target { get; }

    /// <summary>The request as piped in (its alias name carries over), or null for a typed id.</summary>
    public Request? Piped { get; }

    /// <summary>Time on the command's clock after which it is still pending (RequestNotApproved).</summary>
    public TimeSpan Deadline { get; }
}
