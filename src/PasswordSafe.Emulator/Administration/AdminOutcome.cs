namespace PasswordSafe.Emulator;

/// <summary>Builders for the outcome of an administration change: 400 with a reason naming the field, 404, 403 4031.</summary>
internal static class AdminOutcome
{
    internal static LedgerOutcome<T> Invalid<T>(string reason) => LedgerOutcome<T>.Fail(400, reason);
    internal static LedgerOutcome<T> NotFound<T>(string reason) => LedgerOutcome<T>.Fail(404, reason);
    internal static LedgerOutcome<T> NoPermission<T>() => LedgerOutcome<T>.Fail(403, CheckoutCodes.NoPermission);
}
