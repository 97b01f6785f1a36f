using System.Threading;

namespace PasswordSafe.Internal;

/// <summary>
/// True the first time it is asked, false after: for a note a command should make once however many items it handles
/// (a cmdlet instance is one invocation, so a flag it holds is per invocation). Thread-safe.
/// </summary>
internal sealed class OnceFlag
{
    private int _taken;

    public bool TakeFirst() => Interlocked.Exchange(ref _taken, 1) == 0;
}
