namespace WAOps.Engine.Planning;

/// <summary>ErrorIds of carrying out plans, the same in every cmdlet that changes something.</summary>
public static class PlanErrorIds
{
    /// <summary>A change needs confirmation and the host cannot ask (a scheduled job without -Force or -Confirm:$false).</summary>
    public const string ConfirmationRequired = nameof(ConfirmationRequired);

    /// <summary>A change failed with an error WAOps does not know; the message says what happened.</summary>
    public const string UnexpectedError = nameof(UnexpectedError);
}
