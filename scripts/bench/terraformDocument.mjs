// The Terraform file of the benchmark (see documents.mjs for the policies and the YAML template).
import { aroundTheMiddle, positionAt } from './documents.mjs';

/** The Terraform configuration of the benchmark: about 1 MB of `.tf`. */
export const TERRAFORM_SIZE = { name: 'Terraform 1MB', bytes: 1024 * 1024 };

/**
 * One group of the configuration: a stream, a lease table, a consumer role with its trust policy
 * (`jsonencode`), its permissions as a policy document data source (references to the stream and
 * the table, an interpolated ARN) attached inline, and the stream's resource policy as heredoc JSON.
 */
function terraformResources(i) {
  return `resource "aws_kinesis_stream" "stream_${i}" {
  name        = "stream-${i}"
  shard_count = 2
}

resource "aws_dynamodb_table" "leases_${i}" {
  name         = "app-${i}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "leaseKey"
  attribute {
    name = "leaseKey"
    type = "S"
  }
}

resource "aws_iam_role" "consumer_${i}" {
  name = "consumer-${i}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "consumer_${i}" {
  statement {
    sid       = "Read"
    actions   = ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]
    resources = [aws_kinesis_stream.stream_${i}.arn]
  }
  statement {
    sid       = "Leases"
    actions   = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"]
    resources = ["arn:\${data.aws_partition.current.partition}:dynamodb:\${var.region}:\${data.aws_caller_identity.current.account_id}:table/\${aws_dynamodb_table.leases_${i}.name}"]
  }
  statement {
    sid       = "Metrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "consumer_${i}" {
  role   = aws_iam_role.consumer_${i}.id
  policy = data.aws_iam_policy_document.consumer_${i}.json
}

resource "aws_kinesis_resource_policy" "share_${i}" {
  resource_arn = aws_kinesis_stream.stream_${i}.arn
  policy       = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::\${var.partner_account}:root"},
        "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
        "Resource": "\${aws_kinesis_stream.stream_${i}.arn}"
      }]
    }
  EOT
}

`;
}

/** The policy the measurements act on, in the middle of the configuration: its actions end in a name being typed. */
const TYPED_TERRAFORM = `data "aws_iam_policy_document" "typed" {
  statement {
    sid       = "TypedLast"
    actions   = ["kinesis:GetRecords", "kinesis:"]
    resources = [aws_kinesis_stream.stream_0.arn]
  }
}

resource "aws_iam_policy" "typed" {
  name   = "typed"
  policy = data.aws_iam_policy_document.typed.json
}

`;

/** The benchmark configuration, with the places the measurements act on (in a policy in its middle). */
export function benchTerraform() {
  const head = `data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

variable "region" {
  type = string
}

variable "partner_account" {
  type = string
}

`;
  const text = aroundTheMiddle(head, TYPED_TERRAFORM, terraformResources, TERRAFORM_SIZE.bytes);
  const typed = text.indexOf('"kinesis:"]') + '"kinesis:'.length;
  const hover = text.indexOf('kinesis:GetRecords', text.indexOf('TypedLast')) + 'kinesis:Get'.length;
  const sidEnd = text.indexOf('"TypedLast"') + '"TypedLast'.length;
  const itemStart = text.indexOf('data "aws_iam_policy_document" "typed"');
  return {
    name: TERRAFORM_SIZE.name,
    /** The top-level item the edits are made in. */
    typedItem: { start: itemStart, end: text.indexOf('resource "aws_iam_policy" "typed"') },
    uri: 'file:///bench/main.tf',
    languageId: 'terraform',
    // The server loads the HCL grammar when the first Terraform file opens, and reads the file then.
    firstFindings: true,
    text,
    bytes: Buffer.byteLength(text),
    statements: (text.match(/"Effect": |Effect += |\bstatement \{/g) ?? []).length,
    resources: (text.match(/^(resource|data) "/gm) ?? []).length,
    completion: positionAt(text, typed),
    hover: positionAt(text, hover),
    sidEnd: positionAt(text, sidEnd),
  };
}
