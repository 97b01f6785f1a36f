namespace PasswordSafe.Benchmarks;

/// <summary>The plain client's 3-call checkout cycle on one account, blocking until it is done: what Invoke-BenchmarkPlainCycle runs.</summary>
public interface IPlainCycle
{
    void PlainCycleUntimed(int durationMinutes, string reason);
}
