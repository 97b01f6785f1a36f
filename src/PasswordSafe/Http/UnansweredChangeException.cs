using System;

namespace PasswordSafe.Http;

/// <summary>
/// A timeout or broken connection on a call that changes something: the same id as any such failure (Timeout,
/// ConnectionFailed, NotConnected), with a message saying the server may have made the change and how to check. The
/// words the failure would have had on a read stay at hand for code that finds out itself what the server did (a lost
/// <c>POST Requests</c> is looked up and checked in: <see cref="UnansweredChange.CallFailure"/>).
/// </summary>
public sealed class UnansweredChangeException : PasswordSafeException
{
    internal UnansweredChangeException(string errorId, string message, string? recommendedAction,
        string callFailure, string? callFailureAction, Exception? innerException)
        : base(errorId, message, recommendedAction, innerException)
    {
        CallFailure = callFailure;
        CallFailureAction = callFailureAction;
    }

    /// <summary>What happened to the call alone ("POST …/Requests got no answer within 1 s."), without what it may have done.</summary>
    internal string CallFailure { get; }

    /// <summary>The advice for the failure alone (a larger -TimeoutSec, the network).</summary>
    internal string? CallFailureAction { get; }
}
