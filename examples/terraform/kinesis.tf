terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

variable "partner_account" {
  type = string
}

resource "aws_kinesis_stream" "orders" {
  name        = "orders"
  shard_count = 1
}

resource "aws_kinesis_stream_consumer" "analytics" {
  name       = "analytics"
  stream_arn = aws_kinesis_stream.orders.arn
}

resource "aws_dynamodb_table" "leases" {
  name         = "orders-app"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "leaseKey"
  attribute {
    name = "leaseKey"
    type = "S"
  }
}

# A producer, written with the policy document data source.
data "aws_iam_policy_document" "producer" {
  statement {
    sid       = "WriteOrders"
    actions   = ["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStreamSummary"]
    resources = [aws_kinesis_stream.orders.arn]
  }
}

resource "aws_iam_policy" "producer" {
  name   = "orders-producer"
  policy = data.aws_iam_policy_document.producer.json
}

resource "aws_iam_role" "consumer" {
  name = "orders-consumer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# A KCL consumer, written with jsonencode. Planted: kinesis:GetRecord is no action.
resource "aws_iam_role_policy" "consumer" {
  role = aws_iam_role.consumer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOrders"
        Effect   = "Allow"
        Action   = ["kinesis:GetRecord", "kinesis:GetShardIterator", "kinesis:DescribeStreamSummary", "kinesis:ListShards"]
        Resource = aws_kinesis_stream.orders.arn
      },
      {
        Sid      = "Leases"
        Effect   = "Allow"
        Action   = ["dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"]
        Resource = aws_dynamodb_table.leases.arn
      },
      {
        Sid      = "Metrics"
        Effect   = "Allow"
        Action   = "cloudwatch:PutMetricData"
        Resource = "*"
      },
      {
        Sid      = "OwnFolder"
        Effect   = "Allow"
        Action   = "kinesis:ListStreams"
        Resource = "*"
        Condition = { StringEquals = { "aws:PrincipalTag/team" = "$${aws:username}" } }
      }
    ]
  })
}

# Another account reads the stream, written as a heredoc of JSON. Planted: Kinesis rejects kinesis:Get* here.
resource "aws_kinesis_resource_policy" "share" {
  resource_arn = aws_kinesis_stream.orders.arn
  policy       = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "PartnerReads",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
        "Action": ["kinesis:Get*", "kinesis:DescribeStreamSummary", "kinesis:ListShards"],
        "Resource": "arn:aws:kinesis:us-east-1:111122223333:stream/orders"
      }]
    }
  EOT
}

# The consumer of another account, shared with the data source and interpolated ARNs.
data "aws_iam_policy_document" "fanout" {
  statement {
    sid     = "PartnerSubscribes"
    effect  = "Allow"
    actions = ["kinesis:SubscribeToShard", "kinesis:DescribeStreamConsumer"]
    resources = [
      aws_kinesis_stream_consumer.analytics.arn,
      "arn:${data.aws_partition.current.partition}:kinesis:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:stream/orders/consumer/analytics:*",
    ]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.partner_account}:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = [var.partner_account]
    }
  }
}

resource "aws_kinesis_resource_policy" "fanout" {
  resource_arn = aws_kinesis_stream_consumer.analytics.arn
  policy       = data.aws_iam_policy_document.fanout.json
}
