namespace Platform.Cli.Resources.Views;

/// <summary>A view whose `describe` ends with the object's events, as kubectl's describers do (the API call is the command's).</summary>
internal interface IDescribesEvents;
