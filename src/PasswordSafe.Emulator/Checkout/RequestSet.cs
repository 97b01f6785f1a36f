using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// Several access types to one account requested as one (api-v3 §3.4): one release request per type, created
/// together and approved or denied together while pending; otherwise each request lives on its own (check-in,
/// expiry, sessions, credentials).
/// </summary>
public sealed class RequestSet
{
    internal RequestSet(int requestSetId, EmulatorUser requestor, IReadOnlyList<ReleaseRequest> requests)
    {
        RequestSetId = requestSetId;
        Requestor = requestor;
        Requests = requests;
    }

    public int RequestSetId { get; }
    public EmulatorUser Requestor { get; }

    /// <summary>In the order of the AccessTypes sent.</summary>
    public IReadOnlyList<ReleaseRequest> Requests { get; }
}
