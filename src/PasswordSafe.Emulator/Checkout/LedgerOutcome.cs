namespace PasswordSafe.Emulator;

/// <summary>
/// The answer of a checkout operation: a value and its status (200/201/204), or a failure status with its D1 body
/// (a reason, or a bare code such as 4031/4034/4091).
/// </summary>
internal readonly record struct LedgerOutcome<T>(int StatusCode, T? Value, string? Error)
{
    internal bool Succeeded => Error is null;

    internal static LedgerOutcome<T> Ok(T value, int statusCode = 200) => new(statusCode, value, null);

    internal static LedgerOutcome<T> Fail(int statusCode, string error) => new(statusCode, default, error);
}
