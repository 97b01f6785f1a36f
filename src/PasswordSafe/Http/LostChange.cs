namespace PasswordSafe.Http;

/// <summary>
/// What a state-changing call whose answer was lost may have done, and how to find out before retrying: the words a
/// timeout or broken connection adds for that call (<see cref="ChangeReadBack"/> knows them per call).
/// </summary>
internal sealed class LostChange
{
    public LostChange(string done, string advice, string? consequence = null)
    {
        Done = done;
        Advice = advice;
        Consequence = consequence;
    }

    /// <summary>What the server may have done, after "the server may have": <c>created user 'alice'</c>.</summary>
    public string Done { get; }

    /// <summary>What follows if it did (a rotated key's old key no longer signs in), as a clause; null when nothing needs saying.</summary>
    public string? Consequence { get; }

    /// <summary><see cref="Consequence"/> as it ends a sentence about the change (": then …"), or nothing.</summary>
    public string ConsequenceClause => Consequence == null ? string.Empty : ": " + Consequence;

    /// <summary>How to check before retrying, as whole sentences naming the read-back command.</summary>
    public string Advice { get; }
}
