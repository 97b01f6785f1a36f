namespace PasswordSafe.Benchmarks;

/// <summary>
/// One parallel worker's plain cycle (its own account, the shared client), handed to its runspace so the script can run
/// the plain cycle inside a compiled cmdlet or as a method call: the floors for runspaces that block for their calls.
/// </summary>
public sealed class AccountPlainCycle : IPlainCycle
{
    private readonly PlainClient _plain;
    private readonly AccountRef _account;

    internal AccountPlainCycle(PlainClient plain, AccountRef account)
    {
        _plain = plain;
        _account = account;
    }

    public void PlainCycleUntimed(int durationMinutes, string reason) =>
        _plain.CheckoutAsync(_account, durationMinutes, reason).GetAwaiter().GetResult();
}
