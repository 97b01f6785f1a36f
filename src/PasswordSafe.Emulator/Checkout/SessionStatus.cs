namespace PasswordSafe.Emulator;

/// <summary>A session's <c>Status</c> in GET Sessions (api-v3 §5.1), with the server's numbers.</summary>
public enum SessionStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    Locked = 5,
    Terminated = 7,
    LoggedOff = 8,
    Disconnected = 9,
}
