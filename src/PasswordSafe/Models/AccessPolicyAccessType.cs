namespace PasswordSafe;

/// <summary>An access type a schedule allows (View, RDP, SSH, App) and how it is granted.</summary>
public sealed class AccessPolicyAccessType
{
    public string? AccessType { get; internal set; }

    /// <summary>0: requests are approved at once; more: they wait as Pending for that many approvals.</summary>
    public int MinApprovers { get; internal set; }

    public bool IsSession { get; internal set; }

    public bool RecordSession { get; internal set; }

    /// <summary>How many requests of this type may be open at once (0: no limit).</summary>
    public int MaxConcurrent { get; internal set; }

    /// <summary>"View (auto-approved)", "RDP (2 approvers, at most 3 open)".</summary>
    public override string ToString() => $"{AccessType} ({Grant})";

    /// <summary>How the type is granted: "auto-approved", "2 approvers, at most 3 open".</summary>
    internal string Grant
    {
        get
        {
            var approval = MinApprovers == 0 ? "auto-approved" : MinApprovers == 1 ? "1 approver" : $"{MinApprovers} approvers";
            return MaxConcurrent > 0 ? $"{approval}, at most {MaxConcurrent} open" : approval;
        }
    }
}
