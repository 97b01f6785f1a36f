namespace PasswordSafe.Http;

/// <summary>How an answer that had begun to come back failed (<see cref="TransportFailureStage.AnswerFailureOf"/>).</summary>
internal enum AnswerFailure
{
    /// <summary>No answer came back, or the stage is not told.</summary>
    None,

    /// <summary>The connection ended mid-answer, or what came back was not HTTP.</summary>
    BrokeOff,

    /// <summary>The answer's headers were over the client's limit (64 KB).</summary>
    TooLarge,
}
