namespace PasswordSafe.Emulator;

/// <summary>Where a release request is in its life (§3). Only Pending and Active are open.</summary>
public enum RequestStatus
{
    Pending,
    Active,
    Denied,
    CheckedIn,
    Expired,
    Canceled,
    /// <summary>Ended by an administrator through a Requests/Terminate call (by account, system or user) [I].</summary>
    Terminated,
}
