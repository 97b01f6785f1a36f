namespace PasswordSafe.Emulator;

/// <summary>What a lock or terminate by session id did.</summary>
internal enum SessionChange
{
    /// <summary>The session was locked or terminated.</summary>
    Changed,

    /// <summary>A lock of a session that is locked already: nothing to do, nothing audited (204, as a repeat by target).</summary>
    AlreadyDone,

    /// <summary>The session has ended: nothing can change it (400).</summary>
    Ended,
}
